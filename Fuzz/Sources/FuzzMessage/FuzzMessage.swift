import ShipshapeFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.message.fuzz(data, size)
}
