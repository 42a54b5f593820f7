import Domain
import Foundation

public struct RecommendationInput: Sendable, Equatable {
    public var title: String
    public var text: String?
    public var level: String?
    public var status: String = RecommendationStatus.idea.rawValue
    /// The day a new status took effect (today when left out).
    public var statusOn: String?
    public var workingGroupID: UUID?
    public var confidentiality: String = Confidentiality.internal.rawValue
    public var targetIDs: [UUID] = []
    public var contextEventIDs: [UUID] = []

    public init(title: String) { self.title = title }
}
