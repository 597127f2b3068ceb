import MCP
import ServerKit
import SpotifyAPI
import SpotifyModels

/// `ensure_device_ready`: makes sure something can play: an active device, or playback
/// moved to one, confirmed by reading the player back.
enum EnsureDeviceReady {
    enum Status: String, Codable, Sendable, CaseIterable {
        case ready, transferred
        case noDevices = "no_devices"
        case notPremium = "not_premium"

        /// Whether something can play now.
        var canPlay: Bool { self == .ready || self == .transferred }
    }

    struct Output: ToolOutput {
        let status: Status
        let device: String?
        let message: String

        static let outputSchema = JSONSchema.object([
            "status": .string(oneOf: Status.allCases.map(\.rawValue)),
            "device": .string("The device that will play").optional,
            "message": .string(),
        ])
    }

    static func definition(_ spotify: SpotifyContext) -> ToolDefinition<NoArguments, Output> {
        ToolDefinition(
            name: "ensure_device_ready", title: "Get a device ready",
            description: "Checks the listener's Spotify devices: if none is active, moves playback to one and reads the player "
                + "back to confirm. Status ready, transferred, no_devices (open Spotify somewhere) or not_premium.",
            annotations: Tool.Annotations(readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true)
        ) { _ in
            try await ready(try await spotify.userClient())
        }
    }

    /// The device check, shared with `start_playback`.
    static func ready(_ client: SpotifyClient) async throws -> Output {
        let devices = try await client.devices()
        if let active = devices.first(where: \.isActive) {
            return Output(status: .ready, device: active.name, message: "\(active.name) is active and ready to play.")
        }
        guard let device = devices.first(where: { !$0.isRestricted && $0.id != nil }), let id = device.id else {
            return Output(
                status: .noDevices, device: nil,
                message: "No Spotify device is available: open Spotify on a phone, computer or speaker, then try again.")
        }
        do {
            try await client.transferPlayback(to: id)
        } catch SpotifyError.premiumRequired {
            return Output(status: .notPremium, device: device.name, message: SpotifyError.premiumRequired.errorDescription ?? "")
        }
        let state = try await PlayerReadBack.state(client) { $0?.device.id == id }
        guard state?.device.id == id else {
            throw SpotifyServerError.unconfirmedPlayback("playback did not move to \(device.name)")
        }
        return Output(status: .transferred, device: device.name, message: "Playback moved to \(device.name).")
    }
}
