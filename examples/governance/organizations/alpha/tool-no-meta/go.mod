module example.com/tool-no-meta

go 1.22
