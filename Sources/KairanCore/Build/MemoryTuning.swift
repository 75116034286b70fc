import CKairanSystem

/// glibc's per-thread heaps grow and shrink with `mprotect` in small steps; a build allocates and
/// frees page-sized buffers thousands of times on every core, which made thousands of `mprotect`
/// calls. Keeping some slack at the top of each heap removes them. Peak memory stays small
/// (the slack is address space until touched).
public enum MemoryTuning {
    /// Call once at start-up, before threads allocate.
    public static func apply() {
        #if os(Linux)
        _ = mallopt(M_TOP_PAD, 16 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
        #endif
    }
}
