import ArgumentParser
import Foundation
import Logging
import SpotifyAPI
import SpotifyModels

/// Checks everything Spotify needs and says how to fix what is wrong.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check Spotify credentials, redirect URI, login, scopes, Premium and devices, with a fix for each problem."
    )

    func run() async throws {
        let logger = LogSetup.standardError(label: "setlist.doctor")
        var problems = 0
        func report(_ ok: Bool, _ text: String, fix: String? = nil) {
            print("\(ok ? "ok  " : "FIX ") \(text)")
            if !ok, let fix {
                print("     \(fix)")
                problems += 1
            }
        }
        let configuration: SpotifyConfiguration
        do {
            configuration = try SpotifyConfiguration.from(DotEnv.environment())
        } catch {
            report(false, "Spotify settings", fix: error.errorDescription)
            throw ExitCode(1)
        }
        report(configuration.clientID != nil, "SPOTIFY_CLIENT_ID", fix: ConfigurationError.missingClientID.errorDescription)
        report(
            true,
            "redirect URI: \(configuration.redirectURI?.absoluteString ?? "http://127.0.0.1:<free port>/callback (register http://127.0.0.1/callback in the dashboard)")")
        if configuration.clientSecret == nil {
            print("note SPOTIFY_CLIENT_SECRET is not set: logins work (PKCE), searching without a login does not.")
        }
        let store = TokenStore.standard()
        guard let clientID = configuration.clientID, let login = try? store.load(.user) else {
            report(false, "login", fix: "Run `setlist auth login`.")
            throw ExitCode(1)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: store.path(for: .user))
        let mode = (attributes?[.posixPermissions] as? Int) ?? 0
        report(mode & 0o077 == 0, "token file \(store.path(for: .user)) is private", fix: "Run `chmod 600 \(store.path(for: .user))`.")
        let missing = Set(SpotifyScope.setlist).subtracting(login.tokens.scopes)
        report(missing.isEmpty, "scopes", fix: "Missing \(missing.sorted().joined(separator: ", ")): run `setlist auth login` again to grant them.")
        let accounts = AccountsClient(endpoints: configuration.endpoints, clientID: clientID, clientSecret: configuration.clientSecret)
        let tokens = store.tokens(for: login, account: .user, accounts: accounts)
        let client = SpotifyClient(endpoints: configuration.endpoints, tokens: tokens, logger: logger)
        do {
            let me = try await client.me()
            report(true, "Spotify answers for \(me.displayName ?? me.id)")
            if let product = me.product { report(product == "premium", "Premium account", fix: SpotifyError.premiumRequired.errorDescription) }
            let devices = try await client.devices()
            report(!devices.isEmpty, "devices: \(devices.map(\.name).joined(separator: ", "))", fix: SpotifyError.noActiveDevice.errorDescription)
        } catch {
            report(false, "reaching Spotify", fix: (error as? LocalizedError)?.errorDescription ?? "\(error)")
        }
        if problems > 0 { throw ExitCode(1) }
        print("Everything Setlist needs from Spotify is in place.")
    }
}
