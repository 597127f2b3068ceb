import Testing

@testable import SpotifyServer

@Suite struct ReferencesTests {
    static let id = "4uLU6hMCjMI75M1A2tKUQC"

    @Test(arguments: [
        id, " \(id) ", "spotify:track:\(id)", "https://open.spotify.com/track/\(id)?si=abc",
        "https://open.spotify.com/intl-es/track/\(id)",
    ])
    func aTrackIsReadFromAnyUsualForm(text: String) throws {
        #expect(try TrackReference.ids([text], argument: "track_ids") == [Self.id])
    }

    @Test(arguments: ["", "short", "4uLU6hMCjMI75M1A2tKUQC/../me", "spotify:playlist:\(id)", "4uLU6hMCjMI75M1A2tKUQ!"])
    func anythingElseIsRefusedByPosition(text: String) {
        #expect {
            _ = try TrackReference.ids([Self.id, text], argument: "track_ids")
        } throws: { error in
            "\(error)".contains("`track_ids[1]`") && "\(error)".contains("is not a Spotify track")
        }
    }

    @Test func playlistsAndURIsToo() throws {
        #expect(try PlaylistReference.id("spotify:playlist:\(Self.id)") == Self.id)
        #expect(throws: (any Error).self) { try PlaylistReference.id("spotify:track:\(Self.id)") }
        #expect(TrackReference.uri(Self.id) == "spotify:track:\(Self.id)")
        #expect(TrackReference.id(fromURI: "spotify:track:\(Self.id)") == Self.id)
    }
}
