import Crypto
import Foundation

// MARK: - Opening one AEAD ciphertext

extension TrafficKeys {
    /// Length of the authentication tag of both supported AEADs.
    static let tagLength = 16

    /// Decrypts and authenticates `sealed` (ciphertext followed by the 16-byte tag),
    /// read where it lies. Nil means it did not authenticate — or could not be shaped
    /// into a sealed box, which for a captured record amounts to the same.
    func open(nonce: [UInt8], sealed: UnsafeRawBufferPointer, additionalData: [UInt8]) -> Data? {
        guard sealed.count >= Self.tagLength else { return nil }
        let split = sealed.count - Self.tagLength
        let ciphertext = UnsafeRawBufferPointer(rebasing: sealed[..<split])
        let tag = UnsafeRawBufferPointer(rebasing: sealed[split...])
        switch aead {
        case .aesGCM:
            guard let gcmNonce = try? AES.GCM.Nonce(data: nonce),
                  let box = try? AES.GCM.SealedBox(nonce: gcmNonce, ciphertext: ciphertext, tag: tag),
                  let plaintext = try? AES.GCM.open(box, using: symmetricKey, authenticating: additionalData)
            else { return nil }
            return plaintext
        case .chaCha20Poly1305:
            guard let chachaNonce = try? ChaChaPoly.Nonce(data: nonce),
                  let box = try? ChaChaPoly.SealedBox(nonce: chachaNonce, ciphertext: ciphertext, tag: tag),
                  let plaintext = try? ChaChaPoly.open(box, using: symmetricKey, authenticating: additionalData)
            else { return nil }
            return plaintext
        }
    }
}
