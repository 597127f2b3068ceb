import Foundation
import Host
import ServerKit

/// Asks the person at the terminal: the question on standard error, the answer read
/// from standard input (`y`, `n`, or `a` for always). No answer (input closed) is a no.
struct TerminalApprover: Approver {
    func approve(_ request: ApprovalRequest) async -> ApprovalAnswer {
        let arguments = String(decoding: JSONWriter.data(.object(request.arguments)), as: UTF8.self)
        FileHandle.standardError.write(
            Data(
                """
                ? \(request.server) wants to run \(request.tool) (\(request.reason)):
                  \(arguments.prefix(500))
                  Allow? [y]es / [n]o / [a]lways for this tool: 
                """.utf8))
        switch await ChatTerminal.readLine()?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "y"?, "yes"?: return .yes
        case "a"?, "always"?: return .always
        case nil:
            ChatTerminal.note("\n  No answer (input closed): not run. Pass --yes to allow every call.")
            return .no
        default: return .no
        }
    }
}
