/// The OAuth scopes Setlist asks a listener for, as Spotify names them: playlists
/// (reading its own back, to confirm a change whose answer was lost), playback, and
/// the listening history the recommender starts from.
public enum SpotifyScope {
    public static let setlist = [
        "playlist-modify-public", "playlist-modify-private", "playlist-read-private", "user-read-playback-state", "user-modify-playback-state",
        "user-top-read", "user-read-recently-played", "user-read-currently-playing", "user-read-private",
    ]
}
