import Foundation
import ServerKit

/// Asks the person at the terminal: the question on standard error, the answer read
/// from standard input (`y`, `n`, or `a` for always). No answer (input closed) is a no.
public struct TerminalApprover: Approver {
    public init() {}

    public func approve(_ request: ApprovalRequest) async -> ApprovalAnswer {
        let arguments = String(decoding: JSONWriter.data(.object(request.arguments)), as: UTF8.self)
        let question = """
            ? \(request.server) wants to run \(request.tool) (\(request.reason)):
              \(arguments.prefix(500))
              Allow? [y]es / [n]o / [a]lways for this tool: 
            """
        FileHandle.standardError.write(Data(question.utf8))
        let line = await withCheckedContinuation { (answer: CheckedContinuation<String?, Never>) in
            DispatchQueue.global().async { answer.resume(returning: readLine()) }
        }
        switch line?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "y"?, "yes"?: return .yes
        case "a"?, "always"?: return .always
        case nil:
            FileHandle.standardError.write(Data("\n  No answer (input closed): not run. Pass --yes to allow every call.\n".utf8))
            return .no
        default: return .no
        }
    }
}
