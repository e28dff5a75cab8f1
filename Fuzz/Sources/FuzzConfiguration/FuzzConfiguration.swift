import ShipshapeFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.configuration.fuzz(data, size)
}
