import Crypto
import Foundation
import SpotifyModels

/// Proof Key for Code Exchange (RFC 7636) with S256: the verifier stays with the
/// client, only its hash travels in the authorize URL.
public struct PKCE: Sendable, Equatable {
    public let verifier: String
    public var challenge: String { Self.challenge(for: verifier) }
    public static let method = PKCEChallenge.method

    /// A fresh verifier of 64 characters from the unreserved set.
    public init() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        verifier = String((0..<64).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    public init(verifier: String) {
        self.verifier = verifier
    }

    /// BASE64URL(SHA256(verifier)) without padding.
    public static func challenge(for verifier: String) -> String {
        PKCEChallenge.text(ofDigest: SHA256.hash(data: Data(verifier.utf8)))
    }
}
