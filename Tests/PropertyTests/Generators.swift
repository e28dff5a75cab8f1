import PropertyBased

/// One of `values`, shrinking towards the first.
func pick<Value: Sendable>(_ values: [Value]) -> Generator<Value, Shrink.Integer<Int>> {
    Gen.int(in: 0...(values.count - 1)).map { values[$0] }
}
