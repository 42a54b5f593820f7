import Domain
import Foundation
import Storage

/// People and organisations are found by any of their names and listed by the first, folded (`NameFolding`).
protocol NamedModel: AnyObject {
    var name: String { get set }
    var sortName: String { get set }
    var otherNamesJSON: String { get set }
}

extension NamedModel {
    func setNames(_ name: String, others: [String]) {
        self.name = name
        sortName = NameFolding.fold(name)
        otherNamesJSON = JSONList.encode(others)
    }
}

extension PersonModel: NamedModel {}
extension OrganizationModel: NamedModel {}
