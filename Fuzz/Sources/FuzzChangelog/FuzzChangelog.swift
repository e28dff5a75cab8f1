import ShipshapeFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChangelog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.changelog.fuzz(data, size)
}
