import ShipshapeConfiguration

/// The `.shipshape.toml` loader: any text is either read or refused with an error that names
/// the file and a line of it.
enum ConfigurationFuzzing {
    static func run(_ input: [UInt8]) throws(FuzzFailure) {
        guard let text = String(validating: input, as: UTF8.self) else { return }
        do {
            _ = try ShipshapeConfiguration.parse(text: text)
        } catch {
            let lineCount = input.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            try require(
                error.file == ShipshapeConfiguration.fileName && error.description.hasPrefix(ShipshapeConfiguration.fileName),
                "an error names the file", error.description)
            if let line = error.line {
                try require((1...lineCount).contains(line), "an error's line is in the file", "line \(line) of \(lineCount): \(error)")
            }
        }
    }
}
