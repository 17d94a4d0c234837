import Testing
@testable import ValenceKernels

@Suite("PackedMatrix layout")
struct PackedMatrixTests {
    @Test("panels hold 16 output features per k, zero-padded, 64-byte aligned")
    func layout() {
        let rows = 20, columns = 3
        let weight = (0..<rows * columns).map(Float.init)
        let packed = PackedMatrix(packing: weight, rows: rows, columns: columns)
        #expect(packed.panelCount == 2)
        #expect(Int(bitPattern: packed.storage) % 64 == 0)
        for panel in 0..<2 {
            for k in 0..<columns {
                let slice = packed.panel(panel, from: k)
                for lane in 0..<16 {
                    let row = panel * 16 + lane
                    #expect(slice[lane] == (row < rows ? weight[row * columns + k] : 0))
                }
            }
        }
    }

    @Test("a leading dimension larger than the row width skips the padding")
    func leadingDimension() {
        let weight: [Float] = [1, 2, -1, 3, 4, -1]  // [2, 2] with one float of padding per row
        let packed = weight.withUnsafeBufferPointer {
            PackedMatrix(packing: $0.baseAddress!, rows: 2, columns: 2, leadingDimension: 3)
        }
        let first = packed.panel(0, from: 0)
        let second = packed.panel(0, from: 1)
        #expect([first[0], first[1], second[0], second[1]] == [1, 3, 2, 4])
    }
}
