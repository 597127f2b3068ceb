import Testing

@testable import Curation

@Suite struct EnergyArcTests {
    @Test func climbsToAPeakPastTheMiddleThenEases() {
        let energies = [0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6]
        let arc = EnergyArc.ordered(energies) { $0 }
        #expect(arc.sorted() == energies.sorted())
        let peak = arc.firstIndex(of: 0.9)!
        #expect(peak >= arc.count / 2)
        #expect(arc[...peak].elementsEqual(arc[...peak].sorted()))
        #expect(arc[peak...].elementsEqual(arc[peak...].sorted(by: >)))
    }

    @Test func fewTracksStayWhole() {
        #expect(EnergyArc.ordered([Double]()) { $0 }.isEmpty)
        #expect(EnergyArc.ordered([0.4]) { $0 } == [0.4])
    }
}
