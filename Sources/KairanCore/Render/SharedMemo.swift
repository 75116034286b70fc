import Synchronization

/// Values made once per key and shared by the tasks that render in parallel (image sizes, the
/// built-in theme's programs). Two tasks may make one key's value at once, outside the lock:
/// both get the first one stored, so what they render is the same whichever came first.
final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    /// The value of `key`, made by `make` the first time it is asked for.
    func value(of key: Key, _ make: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let made = make()
        return values.withLock { values in
            if let stored = values[key] { return stored }
            values[key] = made
            return made
        }
    }
}
