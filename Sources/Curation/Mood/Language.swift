/// The language a prompt was written in, so replies and searches can follow it.
public enum Language: String, Sendable, Equatable, Codable, CaseIterable {
    case english
    case spanish
    /// Both languages carry a real share of the prompt ("chill vibes para estudiar").
    case mixed
    /// Nothing in the prompt told (only emoji, genre names, numbers, or nothing at all).
    case unknown
}
