import ArgumentParser
import Foundation
import Host

extension ModelProvider: ExpressibleByArgument {}

/// An http or https address given on the command line, refused at parsing when it is not one.
struct WebAddress: ExpressibleByArgument {
    let url: URL

    init?(argument: String) {
        guard let url = URL(string: argument), url.scheme == "http" || url.scheme == "https", url.host != nil else { return nil }
        self.url = url
    }
}

struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Talk with a language model that uses the MCP servers' tools: Spotify, files, the clock, and any you configure.",
        discussion: """
            The model: Anthropic's Messages API (ANTHROPIC_API_KEY) or any OpenAI-compatible server (OPENAI_API_KEY; \
            --base-url http://localhost:11434/v1 for Ollama, http://localhost:1234/v1 for LM Studio). Servers come from \
            --config, else ./.mcp.json, else Setlist's own. Tools that may change things ask first, unless --yes.
            """
    )

    @Option(name: [.short, .customLong("prompt")], help: "Answer this one message, print the answer, and exit.")
    var prompt: String?

    @Option(help: "anthropic or openai (any OpenAI-compatible server); by default openai with --base-url, else the one whose key is set.")
    var provider: ModelProvider?

    @Option(help: "The model's name, such as claude-sonnet-4-5, gpt-4.1-mini or llama3.1.")
    var model: String?

    @Option(help: "The API's address, for OpenAI-compatible servers such as http://localhost:11434/v1.")
    var baseURL: WebAddress?

    @Option(help: "Model calls allowed for one message, 1 to 100.")
    var maxSteps = 10

    @Flag(help: "Run every tool call without asking.")
    var yes = false

    @Flag(inversion: .prefixedNo, help: "Stream the model's answer as it is written.")
    var stream = true

    @Flag(help: "With -p: print the result as JSON, for scripts.")
    var json = false

    @Option(help: "A configuration file in the mcpServers format.")
    var config: String?

    @Option(help: "Record every MCP message in both directions to this JSON Lines file (secrets masked).")
    var trace: String?

    @OptionGroup var keyLog: KeyLogOption

    func validate() throws {
        guard (1...100).contains(maxSteps) else { throw ValidationError("--max-steps must be from 1 to 100, not \(maxSteps).") }
        if json && prompt == nil { throw ValidationError("--json needs -p \"message\": it prints one answer.") }
    }

    func run() async throws {
        keyLog.apply()
        let environment = ProcessInfo.processInfo.environment
        let model: any LanguageModel
        let configuration: HostConfiguration
        let recorder: Trace?
        do {
            let provider = try provider ?? ModelProvider.choose(baseURL: baseURL?.url, environment: environment)
            model = try provider.model(named: self.model, baseURL: baseURL?.url, streams: stream && !json, environment: environment)
            configuration = try HostConfiguration.load(
                path: config, folder: FileManager.default.currentDirectoryPath, environment: environment)
            try configuration.makeFolders()
            recorder = try trace.map { try Trace(path: $0) }
        } catch {
            throw ChatTerminal.fail("\(error)", json: json)
        }
        let (connections, problems) = await ChatServers.connect(configuration, trace: recorder) { ChatTerminal.note($0) }
        let toolbox = await Toolbox.gather(connections, allowedTools: configuration.allowedTools)
        for problem in problems + toolbox.problems { ChatTerminal.note("✗ \(problem)") }
        let session = ChatSession(
            model: model, toolbox: toolbox, approver: yes ? ApproveEverything() : TerminalApprover(),
            settings: ChatSession.Settings(maxSteps: maxSteps))
        let outcome: Result<Void, any Error>
        if let prompt {
            outcome = await Result(catching: { try await answerOnce(prompt, session: session, model: model) })
        } else {
            outcome = .success(await converse(session))
        }
        for connection in connections { await connection.close() }
        try outcome.get()
    }

    /// `-p`: one answer, printed; exit code 1 when the model could not answer, 2 when
    /// the step limit or the model's token budget cut it short.
    private func answerOnce(_ prompt: String, session: ChatSession, model: any LanguageModel) async throws {
        let reply: ChatReply
        let quiet = json
        do {
            reply = try await session.send(prompt) { event in if !quiet { ChatTerminal.show(event) } }
        } catch {
            throw ChatTerminal.fail("\(error)", json: json)
        }
        if json {
            ChatTerminal.say(ChatTerminal.json(reply, model: model.model, maxSteps: maxSteps) + "\n")
        } else if !stream {
            ChatTerminal.say(reply.text + "\n")
        }
        switch reply.outcome {
        case .answered:
            break
        case .stepLimit(let pending):
            if !json {
                ChatTerminal.note("Stopped after \(maxSteps) steps with calls still asked for (\(pending.joined(separator: ", "))): raise --max-steps.")
            }
            throw ExitCode(2)
        case .truncated:
            if !json { ChatTerminal.note("The answer was cut short: the model reached its token budget.") }
            throw ExitCode(2)
        }
    }

    /// Without `-p`: a conversation, a message a line, until an empty line or the end of input.
    private func converse(_ session: ChatSession) async {
        ChatTerminal.note("Say what music you want; an empty line or Ctrl-D ends.")
        while true {
            FileHandle.standardError.write(Data("> ".utf8))
            guard let line = await ChatTerminal.readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            do {
                let reply = try await session.send(line) { ChatTerminal.show($0) }
                if !stream { ChatTerminal.say(reply.text + "\n") }
                switch reply.outcome {
                case .answered: break
                case .stepLimit: ChatTerminal.note("Stopped after \(maxSteps) steps: ask again to go on, or raise --max-steps.")
                case .truncated: ChatTerminal.note("The answer was cut short: the model reached its token budget.")
                }
            } catch {
                ChatTerminal.note("✗ \(error)")
            }
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
