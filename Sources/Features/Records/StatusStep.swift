import Domain
import FluentKit
import Foundation
import Storage

/// One step of a record's status history, as its page and the API show it: the status, and the day it took effect.
public struct StatusStep<Status: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    public var status: Status
    public var effectiveOn: Day

    public init(status: Status, effectiveOn: Day) {
        self.status = status
        self.effectiveOn = effectiveOn
    }
}

public typealias AgreementStatusStep = StatusStep<AgreementStatus>
public typealias RecommendationStep = StatusStep<RecommendationStatus>

extension StatusStepModel {
    /// A record's status history, earliest first.
    static func history(of owner: UUID, on db: any Database) async throws -> [StatusStep<Status>] {
        try await steps(of: owner, on: db).map { StatusStep(status: $0.status, effectiveOn: $0.effectiveOn) }
    }
}
