/// How urgent a backlog item is: `Critical`, `High`, `Medium`, `Low`.
public enum BacklogPriority: String, Hashable, Sendable, CaseIterable {
    case critical = "Critical"
    case high = "High"
    case medium = "Medium"
    case low = "Low"

    /// `緊急`, `高`, `中`, `低`.
    public var label: String {
        switch self {
        case .critical: return "緊急"
        case .high: return "高"
        case .medium: return "中"
        case .low: return "低"
        }
    }
}

/// When a backlog item is planned: `immediate` (within a month), `short-term` (1–3 months),
/// `long-term` (after 3 months).
public enum BacklogHorizon: String, Hashable, Sendable, CaseIterable {
    case immediate
    case shortTerm = "short-term"
    case longTerm = "long-term"

    /// `即時対応`, `短期`, `中長期` (the YAML words stay English: `immediate`, `short-term`, `long-term`).
    public var label: String {
        switch self {
        case .immediate: return "即時対応"
        case .shortTerm: return "短期"
        case .longTerm: return "中長期"
        }
    }

    /// `1ヶ月以内`, `1〜3ヶ月`, `3ヶ月以降`.
    public var periodLabel: String {
        switch self {
        case .immediate: return "1ヶ月以内"
        case .shortTerm: return "1〜3ヶ月"
        case .longTerm: return "3ヶ月以降"
        }
    }
}

/// Where a backlog item stands: `proposed`, `approved`, `in-progress`, `done`, `dropped`.
public enum BacklogStatus: String, Hashable, Sendable, CaseIterable {
    case proposed
    case approved
    case inProgress = "in-progress"
    case done
    case dropped

    /// `提案`, `承認済み`, `対応中`, `完了`, `取り下げ`.
    public var label: String {
        switch self {
        case .proposed: return "提案"
        case .approved: return "承認済み"
        case .inProgress: return "対応中"
        case .done: return "完了"
        case .dropped: return "取り下げ"
        }
    }
}

/// The Japanese names of the backlog's `category:` words (`Feature | Enhancement | Bug | Security`).
public enum BacklogCategory {
    /// `Feature` → `新機能`, `Enhancement` → `改善`, `Bug` → `不具合`, `Security` → `セキュリティ`
    /// (case-insensitive); other words as written.
    public static func label(_ category: String) -> String {
        switch category.lowercased() {
        case "feature": return "新機能"
        case "enhancement": return "改善"
        case "bug": return "不具合"
        case "security": return "セキュリティ"
        default: return category
        }
    }
}
