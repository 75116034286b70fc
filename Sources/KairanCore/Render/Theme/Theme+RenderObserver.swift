extension Theme {
    /// Called with the template name and the context of every page rendered by a task that sets
    /// it (and that task's child tasks). The schema test uses it to hold every value really passed
    /// to a template against `TemplateSchema`; unset, it costs one task-local read per page.
    @TaskLocal public static var renderObserver: (@Sendable (String, TemplateValue) -> Void)?
}
