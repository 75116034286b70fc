// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kairan",
    products: [
        .executable(name: "kairan", targets: ["kairan"]),
        .library(name: "KairanCore", targets: ["KairanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // TOML front matter (`+++`, Hugo's default), mapped onto the YAML value model.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Pinned to 2.1.x: the compiled renderer reads swift-mustache's token storage (TemplateCompiler).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", .upToNextMinor(from: "2.1.1")),
        // `kairan serve` only (target KairanServe): a small HTTP/1.1 server on plain sockets and Swift
        // concurrency, no SwiftNIO, so the preview server adds little to a clean build.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev + libcmark-gfm-extensions-dev). The shim
        // declares the one core-extensions entry point itself and links both libraries by name.
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        // Makes cmark-gfm's process-wide table of extension characters safe under parallel rendering.
        .target(name: "CCmarkGFMSetup", dependencies: ["CCmarkGFM"], linkerSettings: [.linkedLibrary("dl")]),
        // renameat2(RENAME_EXCHANGE) for the atomic swap of the output folder.
        .systemLibrary(name: "CKairanSystem", path: "Sources/CKairanSystem"),
        .target(
            name: "KairanCore",
            dependencies: [
                "CCmarkGFM",
                "CCmarkGFMSetup",
                "CKairanSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The preview server of `kairan serve`: HTTP, watching, live reload. The engine stays free of networking.
        .target(
            name: "KairanServe",
            dependencies: [
                "KairanCore",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "kairan",
            dependencies: [
                "KairanCore",
                "KairanServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc from Debian (libmimalloc-dev) as the process's allocator: a build makes and
            // frees millions of small objects on every core, and glibc's malloc spent a tenth of it.
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        .testTarget(
            name: "KairanCoreTests",
            // Depends on the executable so end-to-end tests can run the real `kairan` binary.
            dependencies: ["KairanCore", "KairanServe", "kairan"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
