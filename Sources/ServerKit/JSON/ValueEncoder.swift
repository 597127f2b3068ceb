import MCP

/// Encodes an `Encodable` value straight into MCP's `Value`, with no JSON text in between.
public struct ValueEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> Value {
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.storage.value
    }
}

/// Where encoded values collect; objects and arrays fill in as their containers write.
private final class Slot {
    enum Kind { case scalar, object, array }

    var kind = Kind.scalar
    var scalar = Value.null
    var members: [String: Slot] = [:]
    var elements: [Slot] = []

    var value: Value {
        switch kind {
        case .scalar: scalar
        case .object: .object(members.mapValues(\.value))
        case .array: .array(elements.map(\.value))
        }
    }

    func set(_ value: Value) {
        kind = .scalar
        scalar = value
    }

    func becomeObject() { if kind != .object { kind = .object; members = [:] } }
    func becomeArray() { if kind != .array { kind = .array; elements = [] } }

    func member(_ key: String) -> Slot {
        becomeObject()
        let slot = Slot()
        members[key] = slot
        return slot
    }

    func element() -> Slot {
        becomeArray()
        let slot = Slot()
        elements.append(slot)
        return slot
    }
}

private final class TreeEncoder: Encoder {
    let storage: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey], storage: Slot = Slot()) {
        self.codingPath = codingPath
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        storage.becomeObject()
        return KeyedEncodingContainer(Keyed<Key>(slot: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        storage.becomeArray()
        return Unkeyed(slot: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(slot: storage, codingPath: codingPath)
    }

    /// Scalars are stored directly; the coding path is built only for what needs it.
    static func encode<T: Encodable>(
        _ value: T, into slot: Slot, codingPath: @autoclosure () -> [any CodingKey]
    ) throws {
        switch value {
        case let value as Value: slot.set(value)
        case let string as String: slot.set(.string(string))
        case let bool as Bool: slot.set(.bool(bool))
        case let integer as Int: slot.set(.int(integer))
        case let double as Double: slot.set(.double(double))
        case let float as Float: slot.set(.double(Double(float)))
        case let integer as any FixedWidthInteger:
            guard let exact = Int(exactly: integer) else {
                throw EncodingError.invalidValue(integer, .init(codingPath: codingPath(), debugDescription: "Too large for JSON"))
            }
            slot.set(.int(exact))
        default: try value.encode(to: TreeEncoder(codingPath: codingPath(), storage: slot))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { slot.member(key.stringValue).set(.null) }
        // The common scalars are stored as they are, without the casts the generic method tries.
        mutating func encode(_ value: String, forKey key: Key) throws { slot.member(key.stringValue).set(.string(value)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { slot.member(key.stringValue).set(.bool(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { slot.member(key.stringValue).set(.int(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { slot.member(key.stringValue).set(.double(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try TreeEncoder.encode(value, into: slot.member(key.stringValue), codingPath: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let child = slot.member(key.stringValue)
            child.becomeObject()
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: child, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = slot.member(key.stringValue)
            child.becomeArray()
            return Unkeyed(slot: child, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { TreeEncoder(codingPath: codingPath, storage: slot.member("super")) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            TreeEncoder(codingPath: codingPath + [key], storage: slot.member(key.stringValue))
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]
        var count: Int { slot.elements.count }

        mutating func encodeNil() throws { slot.element().set(.null) }
        mutating func encode(_ value: String) throws { slot.element().set(.string(value)) }
        mutating func encode(_ value: Bool) throws { slot.element().set(.bool(value)) }
        mutating func encode(_ value: Int) throws { slot.element().set(.int(value)) }
        mutating func encode(_ value: Double) throws { slot.element().set(.double(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try TreeEncoder.encode(value, into: slot.element(), codingPath: codingPath)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = slot.element()
            child.becomeObject()
            return KeyedEncodingContainer(Keyed<NestedKey>(slot: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = slot.element()
            child.becomeArray()
            return Unkeyed(slot: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder { TreeEncoder(codingPath: codingPath, storage: slot.element()) }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.set(.null) }
        mutating func encode(_ value: String) throws { slot.set(.string(value)) }
        mutating func encode(_ value: Bool) throws { slot.set(.bool(value)) }
        mutating func encode(_ value: Int) throws { slot.set(.int(value)) }
        mutating func encode(_ value: Double) throws { slot.set(.double(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try TreeEncoder.encode(value, into: slot, codingPath: codingPath)
        }
    }
}
