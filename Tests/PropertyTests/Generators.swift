import PropertyBased
import Testing

/// One of `values`, shrinking towards the first.
func pick<Value: Sendable>(_ values: [Value]) -> Generator<Value, Shrink.Integer<Int>> {
    Gen.int(in: 0...(values.count - 1)).map { values[$0] }
}

@Suite struct GeneratorTests {
    /// The property tests reach every alternative they list, and nothing else.
    @Test func pickDrawsEveryValueAndOnlyThose() async {
        let values = ["feat", "fix", "perf", "docs"]
        var seen = Set<String>()
        await propertyCheck(count: 400, input: pick(values)) { value in
            seen.insert(value)
        }
        #expect(seen == Set(values))
    }
}
