import Foundation

extension String {
    /// Unicode's composed form (NFC), as stored. Text in Latin letters and Cyrillic without combining marks
    /// is already composed, and most text is: only the rest goes through Foundation, which an import of
    /// 100,000 rows felt.
    var composed: String {
        let alreadyComposed = unicodeScalars.allSatisfy { $0.value < 0x300 || (0x400..<0x483).contains($0.value) || (0x48A..<0x530).contains($0.value) }
        return alreadyComposed ? self : precomposedStringWithCanonicalMapping
    }
}
