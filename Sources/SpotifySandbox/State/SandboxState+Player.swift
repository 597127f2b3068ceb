import Foundation
import SpotifyModels

/// The player: devices, transfer and play, with the errors a real player gives.
extension SandboxState {
    struct TransferRequest: Decodable {
        let deviceIds: [String]?
        let play: Bool?
    }

    struct PlayRequest: Decodable {
        let uris: [String]?
        let contextUri: String?
    }

    func playback(_ grant: Grant) throws(SandboxFailure) -> SandboxResponse {
        let user = try user(for: grant)
        try require("user-read-playback-state", in: grant)
        guard let playback = user.playback else { return .noContent }
        return .json(playback)
    }

    func devices(_ grant: Grant) throws(SandboxFailure) -> SandboxResponse {
        let user = try user(for: grant)
        try require("user-read-playback-state", in: grant)
        return .json(DeviceList(devices: user.devices))
    }

    /// `PUT /me/player`: moves playback to a device.
    func transfer(_ grant: Grant, body: Data?) throws(SandboxFailure) -> SandboxResponse {
        var user = try controllable(grant)
        let request = try decode(TransferRequest.self, from: body)
        guard let target = request.deviceIds?.first, request.deviceIds?.count == 1 else {
            throw SandboxFailure(.error(400, "device_ids must name exactly one device"))
        }
        guard let index = user.devices.firstIndex(where: { $0.id == target }) else {
            throw SandboxFailure(.error(404, "Device not found"))
        }
        for position in user.devices.indices { user.devices[position].isActive = position == index }
        user.playback = PlaybackState(device: user.devices[index], isPlaying: request.play ?? false, progressMs: 0, item: user.playback?.item)
        users[user.profile.id] = user
        return .noContent
    }

    /// `PUT /me/player/play`: plays URIs on the given device, or on the active one.
    func play(_ grant: Grant, body: Data?, query: QueryReader) throws(SandboxFailure) -> SandboxResponse {
        var user = try controllable(grant)
        let request = try decode(PlayRequest.self, from: body)
        let index: Int
        if let deviceID = query.values["device_id"] {
            guard let found = user.devices.firstIndex(where: { $0.id == deviceID }) else {
                throw SandboxFailure(.error(404, "Device not found"))
            }
            index = found
        } else {
            guard let active = user.devices.firstIndex(where: \.isActive) else {
                throw SandboxFailure(.error(404, "Player command failed: No active device found", reason: "NO_ACTIVE_DEVICE"))
            }
            index = active
        }
        var context: PlaybackContext?
        var firstID = request.uris?.first.flatMap { $0.hasPrefix("spotify:track:") ? String($0.dropFirst(14)) : nil }
        if let uri = request.contextUri {
            guard uri.hasPrefix("spotify:playlist:"), let stored = playlists[String(uri.dropFirst(17))] else {
                throw SandboxFailure(.error(404, "Context not found: \(uri)"))
            }
            context = PlaybackContext(uri: uri, type: "playlist")
            firstID = stored.trackIDs.first
        }
        for position in user.devices.indices { user.devices[position].isActive = position == index }
        let first = firstID.flatMap { catalog.entry(id: $0) }
        user.playback = PlaybackState(
            device: user.devices[index], isPlaying: true, progressMs: 0, item: first.map { view($0.track) }, context: context)
        users[user.profile.id] = user
        return .noContent
    }

    /// The user, if they may control playback: the scope, and Premium.
    private func controllable(_ grant: Grant) throws(SandboxFailure) -> User {
        let user = try user(for: grant)
        try require("user-modify-playback-state", in: grant)
        guard user.premium else {
            throw SandboxFailure(.error(403, "Player command failed: Premium required", reason: "PREMIUM_REQUIRED"))
        }
        return user
    }
}
