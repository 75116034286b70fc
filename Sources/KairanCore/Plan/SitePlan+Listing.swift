extension SitePlan {
    /// The outputs of `audience` (all when nil), in plan order.
    public func outputs(for audience: Audience?) -> [PlannedOutput] {
        audience.map { audience in outputs.filter { $0.audience == audience } } ?? outputs
    }

    /// One line per output: audience, path, kind, template (`-` when none), then its sources.
    public func lines(_ outputs: [PlannedOutput]) -> [String] {
        outputs.map { output in
            "\(output.audience.folder)/\(output.path)\t\(output.kind.rawValue)\t\(output.template ?? "-")\t"
                + inputs(of: output).map(\.description).joined(separator: ", ")
        }
    }

    /// The outputs as JSON: `[{audience, path, url, kind, template, origin, inputs: [{kind, name}]}]`.
    public func json(_ outputs: [PlannedOutput]) -> JSONValue {
        .array(outputs.map { output in
            .object([
                ("audience", .string(output.audience.folder)), ("path", .string(output.path)), ("url", .string(output.url)),
                ("kind", .string(output.kind.rawValue)), ("template", output.template.map(JSONValue.string) ?? .null),
                ("origin", output.origin.map(JSONValue.string) ?? .null),
                ("inputs", .array(inputs(of: output).map(\.json))),
            ])
        })
    }
}

extension PlanInput {
    /// `{kind, name}`: `file` and `metadata` name a site file, `template` a template,
    /// `category-articles` a category, `section-articles` a section (`<category>/<section>`), `tagged-articles` a tag, `releases` an audience; `config`,
    /// `all-articles`, `indexed-text`, `navigation` and `clock` nothing.
    var json: JSONValue {
        switch self {
        case .file(let path): return .object([("kind", .string("file")), ("name", .string(path))])
        case .metadata(let path): return .object([("kind", .string("metadata")), ("name", .string(path))])
        case .config: return .object([("kind", .string("config")), ("name", .string("site.yaml"))])
        case .categoryArticles(let slug): return .object([("kind", .string("category-articles")), ("name", .string(slug))])
        case .sectionArticles(let key): return .object([("kind", .string("section-articles")), ("name", .string(key))])
        case .taggedArticles(let tag): return .object([("kind", .string("tagged-articles")), ("name", .string(tag))])
        case .allArticles: return .object([("kind", .string("all-articles")), ("name", .null)])
        case .releases(let audience): return .object([("kind", .string("releases")), ("name", .string(audience.rawValue))])
        case .template(let name): return .object([("kind", .string("template")), ("name", .string(name))])
        case .clock: return .object([("kind", .string("clock")), ("name", .null)])
        case .navigation: return .object([("kind", .string("navigation")), ("name", .null)])
        case .indexedText: return .object([("kind", .string("indexed-text")), ("name", .null)])
        }
    }
}
