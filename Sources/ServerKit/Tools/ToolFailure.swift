import Foundation

/// An error whose message is meant for the person (or model) that called the tool.
///
/// Throw it, or any `LocalizedError`, from a tool to answer with `isError: true`
/// and a message that says what to do.
public struct ToolFailure: Error, LocalizedError, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var errorDescription: String? { message }
}

extension Error {
    /// The message a tool result shows for this error.
    var toolMessage: String {
        if let localized = self as? LocalizedError, let description = localized.errorDescription {
            return description
        }
        return String(describing: self)
    }
}
