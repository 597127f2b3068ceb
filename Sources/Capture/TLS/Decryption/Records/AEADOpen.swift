import Crypto

// MARK: - Opening one AEAD ciphertext

extension TrafficKeys {
    /// Length of the authentication tag of both supported AEADs.
    static let tagLength = 16

    /// Decrypts and authenticates `sealed` (ciphertext followed by the 16-byte tag).
    /// Nil means it did not authenticate — or could not be shaped into a sealed box,
    /// which for a captured record amounts to the same.
    func open(nonce: [UInt8], sealed: ArraySlice<UInt8>, additionalData: [UInt8]) -> [UInt8]? {
        guard sealed.count >= Self.tagLength else { return nil }
        let split = sealed.endIndex - Self.tagLength
        let ciphertext = sealed[sealed.startIndex..<split]
        let tag = sealed[split...]
        let symmetricKey = SymmetricKey(data: key)
        switch aead {
        case .aesGCM:
            guard let gcmNonce = try? AES.GCM.Nonce(data: nonce),
                  let box = try? AES.GCM.SealedBox(nonce: gcmNonce, ciphertext: ciphertext, tag: tag),
                  let plaintext = try? AES.GCM.open(box, using: symmetricKey, authenticating: additionalData)
            else { return nil }
            return Array(plaintext)
        case .chaCha20Poly1305:
            guard let chachaNonce = try? ChaChaPoly.Nonce(data: nonce),
                  let box = try? ChaChaPoly.SealedBox(nonce: chachaNonce, ciphertext: ciphertext, tag: tag),
                  let plaintext = try? ChaChaPoly.open(box, using: symmetricKey, authenticating: additionalData)
            else { return nil }
            return Array(plaintext)
        }
    }
}
