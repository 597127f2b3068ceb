/// One page of a list: `{href, items, limit, next, offset, previous, total}`.
public struct Paging<Item: Codable & Sendable>: Codable, Sendable {
    public var href: String?
    public var items: [Item]
    public var limit: Int
    public var next: String?
    public var offset: Int
    public var previous: String?
    public var total: Int

    public init(items: [Item], limit: Int, offset: Int, total: Int, href: String? = nil, next: String? = nil, previous: String? = nil) {
        self.href = href
        self.items = items
        self.limit = limit
        self.next = next
        self.offset = offset
        self.previous = previous
        self.total = total
    }
}

extension Paging: Equatable where Item: Equatable {}

/// A page of a list ordered by time, as `recently-played` returns it.
public struct CursorPaging<Item: Codable & Sendable>: Codable, Sendable {
    public struct Cursors: Codable, Hashable, Sendable {
        public var after: String?
        public var before: String?

        public init(after: String? = nil, before: String? = nil) {
            self.after = after
            self.before = before
        }
    }

    public var href: String?
    public var items: [Item]
    public var limit: Int
    public var next: String?
    public var cursors: Cursors?

    public init(items: [Item], limit: Int, next: String? = nil, cursors: Cursors? = nil, href: String? = nil) {
        self.href = href
        self.items = items
        self.limit = limit
        self.next = next
        self.cursors = cursors
    }
}

extension CursorPaging: Equatable where Item: Equatable {}
