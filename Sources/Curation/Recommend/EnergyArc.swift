/// Orders a mix as a DJ would: a gentle start, energy rising to a peak a little past
/// the middle, then easing down, so no two neighbours jump far apart.
enum EnergyArc {
    /// The tracks in arc order; `energy` reads each one's energy.
    static func ordered<Item>(_ items: [Item], energy: (Item) -> Double) -> [Item] {
        let ascending = items.enumerated().sorted { (energy($0.element), $0.offset) < (energy($1.element), $1.offset) }
            .map(\.element)
        // Two of every three tracks climb; the rest, from the top down, descend after the
        // peak, which so falls past the middle.
        var rising: [Item] = []
        var falling: [Item] = []
        for (index, item) in ascending.enumerated() {
            if index % 3 == 2 { falling.append(item) } else { rising.append(item) }
        }
        return rising + falling.reversed()
    }
}
