import ShipshapeFuzzing

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPrePushInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.prePushInput.fuzz(data, size)
}
