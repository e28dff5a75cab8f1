/// Shipshape's own version, printed by `shipshape --version`.
package let shipshapeVersion = "0.1.0"
