import SpotifyModels

/// The people who can log in to the sandbox, each set up for a case worth testing.
public enum SandboxUsers {
    /// The demo listener: Premium, registered, one idle speaker.
    public static let listener = "sandbox-listener"
    /// The bot account that publishes public mixes: Premium, registered, no devices.
    public static let bot = "sandbox-bot"
    /// A free account: registered, a phone, but playback needs Premium.
    public static let free = "sandbox-free"
    /// Premium but never added to the app's dashboard: every call is refused.
    public static let stranger = "sandbox-stranger"
    /// Every sandbox user, for messages that list them.
    public static let all = [listener, bot, free, stranger]

    static func make(catalog: DemoCatalog) -> [String: SandboxState.User] {
        [
            listener: .init(
                profile: catalog.listener.profile, premium: true,
                devices: [Device(id: "sandbox-speaker", name: "Sandbox Speaker", type: "Speaker", isActive: false)]),
            bot: .init(
                profile: CurrentUser(id: bot, displayName: "Setlist Mixes (sandbox)", accountId: "sandbox-account-0002", product: "premium"),
                premium: true, devices: []),
            free: .init(
                profile: CurrentUser(id: free, displayName: "Free Listener (sandbox)", accountId: "sandbox-account-0003", product: "free"),
                premium: false,
                devices: [Device(id: "sandbox-phone", name: "Sandbox Phone", type: "Smartphone", isActive: true)]),
            stranger: .init(
                profile: CurrentUser(id: stranger, displayName: "Unregistered (sandbox)", accountId: "sandbox-account-0004", product: "premium"),
                premium: true, devices: []),
        ]
    }
}
