import Foundation
import Testing
@testable import KairanCore

/// The plan's index of outputs by input finds, from an edit, exactly the outputs that asking
/// every output (`SitePlan.isReached`) finds.
@Suite struct OutputsByInputTests {
    @Test func findsTheOutputsEveryEditReaches() async throws {
        let fileSystem = MemoryFileSystem(try IncrementalTestSupport.site())
        let plan = await SiteBuilder(options: IncrementalTestSupport.options(), fileSystem: fileSystem).run().plan
        #expect(!plan.links.isEmpty, "the fixture's bodies link to other pages")
        let index = OutputsByInput(plan)
        let files = Set(plan.groups.keys).union(plan.outputs.flatMap(plan.inputs(of:)).compactMap(\.sourceFile)).sorted()
        #expect(files.contains("site.yaml") && files.contains { $0.hasPrefix("templates/partials/") })
        var edits: [SitePlan.Reach] = [SitePlan.Reach(edited: [], groups: [plan.groups], valued: [.navigation: true])]
        for file in files {
            edits.append(SitePlan.Reach(edited: [file], groups: [plan.groups]))
            edits.append(SitePlan.Reach(edited: [file], bodyOnly: [file], groups: [plan.groups]))
            edits.append(SitePlan.Reach(edited: [file], groups: []))
        }
        edits.append(SitePlan.Reach(edited: Set(files.prefix(12)), groups: [plan.groups]))
        for reach in edits {
            let expected = Set(plan.outputs.indices.filter { plan.isReached(plan.outputs[$0], by: reach) })
            #expect(index.reached(by: reach, links: plan.links) == expected, "\(reach.edited.sorted()) body only: \(reach.bodyOnly.sorted())")
        }
    }
}
