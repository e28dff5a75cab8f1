import ShipshapeFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSemanticVersion(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.semanticVersion.fuzz(data, size)
}
