// MARK: - RFC 8448 §3 "Simple 1-RTT Handshake" (TLS_AES_128_GCM_SHA256)
//
// Values from RFC 8448 §3 (https://www.rfc-editor.org/rfc/rfc8448#section-3).
// Transcribed via two public copies of the RFC's text, each cross-checked against the
// other where both have a value: the RFC excerpts quoted in Erlang/OTP's TLS 1.3 test
// suite (secrets, keys, IVs, handshake messages), and Botan's
// src/tests/data/tls_13_rfc8448/transcripts.vec [Simple_1RTT_Handshake] (the
// complete records). A transcription error in a record cannot pass unnoticed: the
// AES-GCM tag would not verify.

enum RFC8448 {
    // {client} construct a ClientHello: random. {server} construct a ServerHello: random.
    static let clientRandom = "cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7"
    static let serverRandom = "a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e26928"

    // {server} derive secret "tls13 c hs traffic" / "tls13 s hs traffic": expanded.
    static let clientHandshakeTrafficSecret = "b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21"
    static let serverHandshakeTrafficSecret = "b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38"
    // {server} derive secret "tls13 c ap traffic" / "tls13 s ap traffic": expanded.
    static let clientApplicationTrafficSecret = "9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5"
    static let serverApplicationTrafficSecret = "a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643"

    // {server} derive write traffic keys for handshake data: key expanded, iv expanded.
    static let serverHandshakeKey = "3fce516009c21727d0f2e4e86ee403bc"
    static let serverHandshakeIV = "5d313eb2671276ee13000b30"
    // {server} derive read traffic keys for handshake data (the client's write keys).
    static let clientHandshakeKey = "dbfaa693d1762c5b666af5d950258d01"
    static let clientHandshakeIV = "5bd3c71b836e0b76bb73265f"
    // {server} derive write traffic keys for application data.
    static let serverApplicationKey = "9f02283b6c9c07efc26bb9f2ac92e356"
    static let serverApplicationIV = "cf782b88dd83549aadf1e984"
    // {client} derive write traffic keys for application data.
    static let clientApplicationKey = "17422dda596ed5d9acd890e3c63f5051"
    static let clientApplicationIV = "5b78923dee08579033e523d9"

    // {server} construct an EncryptedExtensions / Certificate / CertificateVerify /
    // Finished handshake message.
    static let encryptedExtensions = "080000240022000a00140012001d00170018001901000101010201030104001c0002400100000000"
    static let certificate = """
        0b0001b9000001b50001b0308201ac30820115a003020102020102300d06092a864886f70d01010b0500300e310c30\
        0a06035504031303727361301e170d3136303733303031323335395a170d3236303733303031323335395a300e310c\
        300a0603550403130372736130819f300d06092a864886f70d010101050003818d0030818902818100b4bb498f8279\
        303d980836399b36c6988c0c68de55e1bdb826d3901a2461eafd2de49a91d015abbc9a95137ace6c1af19eaa6af98c\
        7ced43120998e187a80ee0ccb0524b1b018c3e0b63264d449a6d38e22a5fda430846748030530ef0461c8ca9d9efbf\
        ae8ea6d1d03e2bd193eff0ab9a8002c47428a6d35a8d88d79f7f1e3f0203010001a31a301830090603551d13040230\
        00300b0603551d0f0404030205a0300d06092a864886f70d01010b05000381810085aad2a0e5b9276b908c65f73a72\
        67170618a54c5f8a7b337d2df7a594365417f2eae8f8a58c8f8172f9319cf36b7fd6c55b80f21a0301515672609\
        6fd335e5e67f2dbf102702e608ccae6bec1fc63a42a99be5c3eb7107c3c54e9b9eb2bd5203b1c3b84e0a8b2f75940\
        9ba3eac9d91d402dcc0cc8f8961229ac9187b42b4de10000
        """
    static let certificateVerify = """
        0f000084080400805a747c5d88fa9bd2e55ab085a61015b7211f824cd484145ab3ff52f1fda8477b0b7abc90db78e2\
        d33a5c141a078653fa6bef780c5ea248eeaaa785c4f394cab6d30bbe8d4859ee511f602957b15411ac027671459e46\
        445c9ea58c181e818e95b8c3fb0bf3278409d3be152a3da5043e063dda65cdf5aea20d53dfacd42f74f3
        """
    static let serverFinished = "140000209b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718"
    // {client} construct a Finished handshake message.
    static let clientFinished = "14000020a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61"
    // {server} construct a NewSessionTicket handshake message.
    static let newSessionTicket = """
        040000c90000001efad6aac502000000b22c035d829359ee5ff7af4ec900000000262a6494dc486d2c8a34cb33fa90\
        bf1b0070ad3c498883c9367c09a2be785abc55cd226097a3a982117283f82a03a143efd3ff5dd36d64e861be7fd61d\
        2827db279cce145077d454a3664d4e6da4d29ee03725a6a4dafcd0fc67d2aea70529513e3da2677fa5906c5b3f7d8f\
        92f228bda40dda721470f9fbf297b5aea617646fac5c03272e970727c621a79141ef5f7de6505e5bfbc388e9334369\
        4093934ae4d357000800\
        2a000400000400
        """
    // {client}/{server} send application_data record: payload (50 octets).
    static let applicationData = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031"
    // {client}/{server} send alert record: payload (2 octets), close_notify.
    static let closeNotify = "0100"

    // MARK: Complete records (header included)

    // {server} send handshake record: complete record (679 octets).
    static let serverHandshakeRecord = """
        17030302a2d1ff334a56f5bff6594a07cc87b580233f500f45e489e7f33af35edf7869fcf40aa40aa2b8ea73f848a7\
        ca07612ef9f945cb960b4068905123ea78b111b429ba9191cd05d2a389280f526134aadc7fc78c4b729df828b5ecf7\
        b13bd9aefb0e57f271585b8ea9bb355c7c79020716cfb9b1183ef3ab20e37d57a6b9d7477609aee6e122a4cf514273\
        25250c7d0e509289444c9b3a648f1d71035d2ed65b0e3cdd0cbae8bf2d0b227812cbb360987255cc744110c453baa4\
        fcd610928d809810e4b7ed1a8fd991f06aa6248204797e36a6a73b70a2559c09ead686945ba246ab66e5edd8044b4c\
        6de3fcf2a89441ac66272fd8fb330ef8190579b3684596c960bd596eea520a56a8d650f563aad27409960dca63d3e6\
        88611ea5e22f4415cf9538d51a200c27034272968a264ed6540c84838d89f72c24461aad6d26f59ecaba9acbbb317b\
        66d902f4f292a36ac1b639c637ce343117b659622245317b49eeda0c6258f100d7d961ffb138647e92ea330faeea6d\
        fa31c7a84dc3bd7e1b7a6c7178af36879018e3f252107f243d243dc7339d5684c8b0378bf30244da8c87c843f5e56e\
        b4c5e8280a2b48052cf93b16499a66db7cca71e4599426f7d461e66f99882bd89fc50800becca62d6c74116dbd2972\
        fda1fa80f85df881edbe5a37668936b335583b599186dc5c6918a396fa48a181d6b6fa4f9d62d513afbb992f2b992f\
        67f8afe67f76913fa388cb5630c8ca01e0c65d11c66a1e2ac4c85977b7c7a6999bbf10dc35ae69f5515614636c0b9b\
        68c19ed2e31c0b3b66763038ebba42f3b38edc0399f3a9f23faa63978c317fc9fa66a73f60f0504de93b5b845e2755\
        92c12335ee340bbc4fddd502784016e4b3be7ef04dda49f4b440a30cb5d2af939828fd4ae3794e44f94df5a631ede4\
        2c1719bfdabf0253fe5175be898e750edc53370d2b
        """
    // {client} send handshake record: complete record (58 octets).
    static let clientFinishedRecord = "170303003575ec4dc238cce60b298044a71e219c56cc77b0517fe9b93c7a4bfc44d87f38f80338ac98fc46deb384bd1caeacab6867d726c40546"
    // {server} send handshake record (NewSessionTicket): complete record (227 octets).
    static let newSessionTicketRecord = """
        17030300de3a6b8f90414a97d6959c3487680de5134a2b240e6cffac116e95d41d6af8f6b580dcf3d11d63c758db28\
        9a015940252f55713e061dc13e078891a38efbcf5753ad8ef170ad3c7353d16d9da773b9ca7f2b9fa1b6c0d4a3d03f\
        75e09c30ba1e62972ac46f75f7b981be63439b2999ce13064615139891d5e4c5b406f16e3fc181a77ca475840025db\
        2f0a77f81b5ab05b94c01346755f69232c86519d86cbeeac87aac347d143f9605d64f650db4d023e70e952ca49fe51\
        37121c74bc2697687e248746d6df353005f3bce18696129c8153556b3b6c6779b37bf15985684f
        """
    // {client} send application_data record: complete record (72 octets).
    static let clientApplicationDataRecord = "1703030043a23f7054b62c94d0affafe8228ba55cbefacea42f914aa66bcab3f2b9819a8a5b46b395bd54a9a20441e2b62974e1f5a6292a2977014bd1e3deae63aeebb21694915e4"
    // {server} send application_data record: complete record (72 octets).
    static let serverApplicationDataRecord = "17030300432e937e11ef4ac740e538ad36005fc4a46932fc3225d05f82aa1b36e30efaf97d90e6dffc602dcb501a59a8fcc49c4bf2e5f0a21c0047c2abf332540dd032e167c2955d"
    // {client} / {server} send alert record: complete record (24 octets).
    static let clientCloseNotifyRecord = "1703030013c9872760655666b74d7ff1153efd6db6d0b0e3"
    static let serverCloseNotifyRecord = "1703030013b58fd67166ebf599d24720cfbe7efa7a8864a9"

    // {server} send handshake record: ServerHello, complete record (95 octets), cleartext.
    static let serverHelloRecord = """
        160303005a020000560303a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e2692800130100\
        002e00330024001d0020c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f002b00020304
        """
}

// MARK: - Derived by OpenSSL 3.0 (not in RFC 8448)

enum OpenSSLVectors {
    /// HKDF-Expand-Label(RFC 8448 client application traffic secret, "traffic upd", "", 32),
    /// from `openssl kdf -keylen 32 -kdfopt mode:EXPAND_ONLY -kdfopt digest:SHA2-256
    /// -kdfopt hexkey:9e40…04a5 -kdfopt prefix:"tls13 " -kdfopt label:"traffic upd" TLS13-KDF`
    /// (the same command reproduces RFC 8448's server handshake key).
    static let clientApplicationTrafficSecret1 = "fcdfcc72725aaee48bf64e4fd8b749cdbdbab39d90da0b26e2245ca6ea167207"
}
