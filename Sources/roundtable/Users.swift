import ArgumentParser
import Foundation
import Web

extension RoundtableCommand {
    struct Users: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage who can sign in.",
            subcommands: [Add.self, List.self, Disable.self, SetPassword.self, ResetTwoFactor.self]
        )

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a user. The password is read from standard input; when that is empty, one is generated and printed."
            )
            @Option(help: "Their email address (they sign in with it).") var email: String
            @Option(help: "Their name as they write it.") var name: String
            @Option(help: "admin, coordinator, officer or viewer.") var role: String
            @OptionGroup var database: DatabaseOptions

            func run() async throws {
                let added = try await database.run { config in
                    let password = StandardInput.readPassword()
                    return try await RoundtableCLI.addUser(config, email: email, name: name, role: role,
                                                           password: password)
                }
                print("Added \(added.email) as \(added.role).")
                if let generated = added.generatedPassword { print("Password: \(generated)") }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List users: email, role, status, name (tab-separated).")
            @OptionGroup var database: DatabaseOptions

            func run() async throws {
                let users = try await database.run { config in try await RoundtableCLI.listUsers(config) }
                for user in users {
                    print([user.email, user.role.rawValue, user.isDisabled ? "disabled" : "active", user.name].joined(separator: "\t"))
                }
            }
        }

        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Disable a user: their sessions and tokens stop working at once.")
            @Option(help: "The user's email address.") var email: String
            @OptionGroup var database: DatabaseOptions

            func run() async throws {
                let user = try await database.run { config in
                    try await RoundtableCLI.disableUser(config, email: email)
                }
                print("Disabled \(user.email).")
            }
        }

        struct SetPassword: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "set-password",
                abstract: "Set a user's password from standard input; when that is empty, one is generated and printed."
            )
            @Option(help: "The user's email address.") var email: String
            @OptionGroup var database: DatabaseOptions

            func run() async throws {
                let generated = try await database.run { config in
                    let password = StandardInput.readPassword()
                    return try await RoundtableCLI.setPassword(config, email: email, password: password)
                }
                print("Password changed for \(email).")
                if let generated { print("Password: \(generated)") }
            }
        }

        struct ResetTwoFactor: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "reset-two-factor",
                abstract: "Turn off a user's two-factor sign-in (a lost phone and lost recovery codes); they sign in with their password again."
            )
            @Option(help: "The user's email address.") var email: String
            @OptionGroup var database: DatabaseOptions

            func run() async throws {
                let wasOn = try await database.run { config in try await RoundtableCLI.resetTwoFactor(config, email: email) }
                print(wasOn ? "Two-factor sign-in turned off for \(email)." : "\(email) did not use two-factor sign-in.")
            }
        }
    }

    struct Tokens: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Manage API tokens.", subcommands: [Create.self])

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create an API token for a user and print it (shown only once).")
            @Option(help: "The user's email address.") var email: String
            @Option(help: "What the token is for.") var label: String?
            @OptionGroup var database: DatabaseOptions

            func run() async throws {
                let secret = try await database.run { config in
                    try await RoundtableCLI.createToken(config, email: email, label: label)
                }
                print(secret)
            }
        }
    }
}

/// Passwords come on standard input so they never appear in shell history or `ps`.
enum StandardInput {
    /// The first line of standard input, or nil when it is empty. At a terminal, asks without echoing.
    static func readPassword() -> String? {
        if isatty(STDIN_FILENO) != 0 {
            guard let typed = getpass("Password (leave empty to generate one): ") else { return nil }
            let password = String(cString: typed)
            return password.isEmpty ? nil : password
        }
        guard let line = readLine(strippingNewline: true) else { return nil }
        return line.isEmpty ? nil : line
    }
}
