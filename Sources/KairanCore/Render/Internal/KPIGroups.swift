/// The dashboard's KPI groups: the plan's order and Japanese names for the known `group:` words;
/// other words follow in the order they first appear, shown as written.
enum KPIGroups {
    /// `group:` word → Japanese name, in dashboard order.
    static let known: [(id: String, name: String)] = [
        ("business", "ビジネス指標"), ("system", "システム指標"), ("security", "セキュリティ指標"),
        ("engagement", "エンゲージメント"), ("satisfaction", "満足度"), ("quality", "品質"), ("outcome", "成果指標"),
    ]

    /// The Japanese name of `group`: `business` → `ビジネス指標`, empty → `その他`, unknown words unchanged.
    static func name(of group: String) -> String {
        if group.isEmpty { return "その他" }
        return known.first { $0.id == group }?.name ?? group
    }

    /// The groups present in `groups` (one entry per KPI), in dashboard order; the KPIs of each
    /// group are given as indices into `groups`, in their original order.
    static func ordered(_ groups: [String]) -> [(group: String, members: [Int])] {
        var order = known.map(\.id).filter { groups.contains($0) }
        for group in groups where !order.contains(group) && !group.isEmpty { order.append(group) }
        if groups.contains("") { order.append("") }
        return order.map { group in (group, groups.indices.filter { groups[$0] == group }) }
    }

    /// The HTML id of a group's section: `group-business`; words that are not ASCII slugs are
    /// spelt in hex (`group-x…`), the empty group is `group-other`.
    static func anchor(of group: String) -> String {
        if group.isEmpty { return "group-other" }
        if SVGFormat.isSafeID("g" + group) { return "group-" + group }
        let digits = Array("0123456789abcdef")
        return "group-x" + String(group.utf8.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}
