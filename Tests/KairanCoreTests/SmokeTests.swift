import Testing
@testable import KairanCore

@Test func versionIsSet() { #expect(!Kairan.version.isEmpty) }
