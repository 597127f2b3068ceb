import Foundation
import MCP
import Testing

@testable import Host

/// Where a mix's files go, asked of a real Files server process: a taken name is never
/// reused, and a name whose state the server cannot tell stops the mix.
@Suite struct MixFolderTests {
    /// An output folder served by `setlist serve files`, and a folder outside it.
    func withOutput(_ body: (any MCPConnection, URL, URL) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("setlist-mix-folder-\(UUID().uuidString)")
        let output = root.appendingPathComponent("playlists")
        let outside = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try await StdioServerConnection.start(
            ServerCommand(name: "files", executable: TestPeers.setlist, arguments: ["serve", "files", output.path]),
            memory: TestPeers.freshMemory())
        do {
            try await body(files, output, outside)
        } catch {
            await files.close()
            throw error
        }
        await files.close()
    }

    // MARK: - Free names

    @Test func aMissingNameIsFreeAndATakenOneGetsANumber() async throws {
        try await withOutput { files, output, _ in
            #expect(try await MixMaker.freeFolder("rain", in: files) == "rain")
            try FileManager.default.createDirectory(at: output.appendingPathComponent("rain"), withIntermediateDirectories: false)
            try FileManager.default.createDirectory(at: output.appendingPathComponent("rain-2"), withIntermediateDirectories: false)
            #expect(try await MixMaker.freeFolder("rain", in: files) == "rain-3")
        }
    }

    // MARK: - Names the server cannot tell about

    @Test func anErrorOtherThanNotFoundIsNotAFreeName() async throws {
        try await withOutput { files, output, outside in
            // The server refuses to look through a symlink that leads outside: the name is
            // not known to be free.
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("rain"), withDestinationURL: outside)
            let error = await #expect(throws: MixError.self) { try await MixMaker.freeFolder("rain", in: files) }
            #expect(error?.report.contains("Could not tell whether the folder rain is free") == true, "\(String(describing: error))")
            #expect(error?.report.contains("Access denied") == true, "\(String(describing: error))")
            #expect(error?.report.contains("--out") == true, "\(String(describing: error))")
        }
    }

    @Test func theMixStopsWithThatErrorAndWritesNothing() async throws {
        try await withOutput { files, output, outside in
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("rainy-sunday"), withDestinationURL: outside)
            // Setlist's Spotify server on its embedded sandbox: no Spotify app in its environment.
            let spotify = try await StdioServerConnection.start(
                ServerCommand(
                    name: "spotify", executable: TestPeers.setlist, arguments: ["serve", "spotify"],
                    environment: ["SPOTIFY_CLIENT_ID": "", "XDG_DATA_HOME": outside.deletingLastPathComponent().appendingPathComponent("data").path]),
                memory: TestPeers.freshMemory())
            let maker = MixMaker(spotify: spotify) { files }
            let error = await #expect(throws: MixError.self) {
                try await maker.make(MixOrder(prompt: "rainy sunday", limit: 3, destination: .files))
            }
            await spotify.close()
            #expect(error?.report.contains("Could not tell whether the folder rainy-sunday is free") == true, "\(String(describing: error))")
            #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["rainy-sunday"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        }
    }
}
