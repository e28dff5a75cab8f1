import ShipshapeFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReceivedUpdateInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.receivedUpdateInput.fuzz(data, size)
}
