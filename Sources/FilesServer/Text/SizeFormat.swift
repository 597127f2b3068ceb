import Foundation

/// Byte counts as the reference filesystem server writes them: `512 B`, `1.13 KB`,
/// `2.00 MB`.
enum SizeFormat {
    static let units = ["B", "KB", "MB", "GB", "TB"]

    /// The unit is chosen with the reference's floating-point logarithm (so 1048575
    /// bytes is `1024.00 KB`), and the two decimals are rounded as JavaScript's
    /// `toFixed(2)` rounds: on the exact value, halves away from zero (1152 bytes,
    /// exactly 1.125 KB, is `1.13 KB`, where C's `printf` gives `1.12`).
    static func string(_ bytes: Int) -> String {
        guard bytes > 0 else { return "0 B" }
        let unit = min(Int(floor(log(Double(bytes)) / log(1024))), units.count - 1)
        guard unit > 0 else { return "\(bytes) B" }
        let divisor = 1 << (10 * unit)
        let (whole, remainder) = bytes.quotientAndRemainder(dividingBy: divisor)
        let hundredths = whole * 100 + (remainder * 100 + divisor / 2) / divisor
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) \(units[unit])"
    }
}
