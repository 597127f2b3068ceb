import Testing

@testable import setlist

@Suite struct ProcessArgumentsTests {
    static func cmdline(_ arguments: String...) -> [UInt8] {
        arguments.flatMap { Array($0.utf8) + [0] }
    }

    @Test func theRuntimesArgumentsComeFirst() {
        let read = ProcessArguments.resolve(runtime: ["/bin/setlist", "--version"]) {
            Issue.record("the kernel's copy is read only when the runtime found nothing")
            return nil
        }
        #expect(read == ["--version"])
    }

    @Test func withoutThemTheKernelsCopyIsRead() {
        #expect(ProcessArguments.resolve(runtime: []) { Self.cmdline("/bin/setlist", "serve", "clock") } == ["serve", "clock"])
        // Empty arguments and arguments that are not ASCII survive the NULs.
        #expect(
            ProcessArguments.resolve(runtime: []) { Self.cmdline("setlist", "serve", "files", "", "~/Música") }
                == ["serve", "files", "", "~/Música"])
        #expect(ProcessArguments.resolve(runtime: []) { Self.cmdline("setlist") } == [])
        #expect(ProcessArguments.resolve(runtime: []) { nil } == [])
    }

    @Test func thisProcessFindsItsOwnArguments() {
        #expect(ProcessArguments.current() == Array(CommandLine.arguments.dropFirst()))
    }
}
