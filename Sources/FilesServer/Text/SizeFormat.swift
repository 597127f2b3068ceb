import Foundation

/// Byte counts as people read them: `512 B`, `1.50 KB`, `2.00 MB`.
enum SizeFormat {
    static func string(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        guard bytes > 0 else { return "0 B" }
        var unit = 0
        var value = Double(bytes)
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.2f %@", value, units[unit])
    }
}
