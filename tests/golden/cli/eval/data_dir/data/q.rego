package q

owners := data.teams.platform.owners
