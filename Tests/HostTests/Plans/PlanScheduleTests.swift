import MCP
import Testing

@testable import Host

@Suite struct PlanScheduleTests {
    @Test func stepsWaitForWhatTheyReferToAndWritesForTheirFolder() throws {
        let plan = Plan([
            Plan.Step(id: "recs", server: "spotify", tool: "get_recommendations"),
            Plan.Step(id: "why", server: "spotify", tool: "explain_selection", arguments: ["tracks": "{{recs.tracks[*].id}}"]),
            Plan.Step(id: "file", server: "files", tool: "write_file", arguments: ["path": "mix/a.txt", "content": "x"]),
            Plan.Step(id: "folder", server: "files", tool: "create_directory", arguments: ["path": "mix"]),
            Plan.Step(id: "other", server: "files", tool: "write_file", arguments: ["path": "mixtape.txt", "content": "x"], after: ["why"]),
        ])
        let schedule = try PlanSchedule(plan)
        #expect(schedule.waitsFor["why"] == ["recs"])
        #expect(schedule.waitsFor["file"] == ["folder"])
        #expect(schedule.waitsFor["other"] == ["why"])
        #expect(schedule.waitsFor["recs"] == [])
    }

    @Test func plansThatCannotRunAreRefusedBeforeAnythingRuns() {
        let duplicate = Plan([Plan.Step(id: "a", server: "s", tool: "t"), Plan.Step(id: "a", server: "s", tool: "t")])
        #expect(throws: PlanError.duplicateStep("a")) { try PlanSchedule(duplicate) }
        let unknown = Plan([Plan.Step(id: "a", server: "s", tool: "t", arguments: ["x": "{{b.y}}"])])
        #expect(throws: PlanError.unknownStep(step: "a", refersTo: "b")) { try PlanSchedule(unknown) }
        let cycle = Plan([Plan.Step(id: "a", server: "s", tool: "t", after: ["b"]), Plan.Step(id: "b", server: "s", tool: "t", after: ["a"])])
        #expect(throws: PlanError.cycle(["a", "b"])) { try PlanSchedule(cycle) }
        let bad = Plan([Plan.Step(id: "a", server: "s", tool: "t"), Plan.Step(id: "b", server: "s", tool: "t", arguments: ["x": "{{a.[}}"])])
        #expect(throws: PlanError.self) { try PlanSchedule(bad) }
    }

    @Test func referencesResolveToTheOutputsTheyName() throws {
        let outputs: [String: Value] = ["recs": ["tracks": [["id": "a", "n": 1], ["id": "b", "n": 2]], "target": ["energy": 0.3]]]
        let resolved = try PlanRunner.resolve(
            ["ids": "{{recs.tracks[*].id}}", "first": "{{recs.tracks[0].n}}", "all": "{{recs}}", "plain": "{{ not a ref", "nested": ["e": "{{recs.target.energy}}"]],
            outputs: outputs)
        #expect(resolved == ["ids": ["a", "b"], "first": 1, "all": outputs["recs"]!, "plain": "{{ not a ref", "nested": ["e": 0.3]])
        #expect(throws: (any Error).self) { try PlanRunner.resolve(["x": "{{recs.missing}}"], outputs: outputs) }
    }

    @Test func pathsReadMembersIndexesAndEveryElement() throws {
        let value: Value = ["a": [["b": 1], ["b": 2]]]
        #expect(try ValuePath("a[*].b").resolve(in: value) == [1, 2])
        #expect(try ValuePath("a[1].b").resolve(in: value) == 2)
        #expect(try ValuePath("a[5].b").resolve(in: value) == nil)
        #expect(throws: PlanError.self) { try ValuePath("a[-1]") }
        #expect(throws: PlanError.self) { try ValuePath("a..b") }
    }
}
