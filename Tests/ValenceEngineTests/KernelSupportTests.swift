import Testing
@testable import ValenceEngine

@Suite("KernelSupport")
struct KernelSupportTests {
    @Test("reads the CPU flags and requires avx2 and fma")
    func flags() throws {
        let flags = try #require(KernelSupport.cpuFlags())
        #expect(flags.contains("sse2"))
        #expect(KernelSupport.isSupported == (flags.contains("avx2") && flags.contains("fma")))
    }
}
