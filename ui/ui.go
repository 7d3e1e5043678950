package ui

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
)

// Cookie and form field names of the web UI.
const (
	sessionCookie = "captrack_session"
	loginCSRF     = "captrack_login_csrf" // double-submit token of the login form
	csrfField     = "csrf"
)

// csrfKey is where sessionAuth leaves the request's CSRF token.
const csrfKey = "captrack.csrf"

// Mount registers the pages and their form posts on r.
func Mount(r *gin.Engine, db Store, opts httpx.Options) {
	opts = opts.WithDefaults()
	tpl, err := Parse(db.TimeZone())
	if err != nil {
		// The templates are embedded in the binary: a parse error is a
		// build defect that every web test reports, not a runtime input.
		panic(err)
	}
	cfg := opts.Alerts
	r.GET("/static/*file", gin.WrapH(staticFiles()))
	secure := secureCookies(opts.SecureCookies)
	r.GET("/login", secure, httpx.Handle(handleLoginPage(tpl)))
	r.POST("/login", secure, httpx.Handle(handleWebLogin(db, tpl, opts.TokenTTL)))

	ui := r.Group("/", secure, httpx.Errors(opts, "ui", pageErrors(tpl)), httpx.Handle(sessionAuth(db)))
	ui.POST("/logout", httpx.Handle(handleWebLogout(db)))
	ui.GET("/password", httpx.Handle(handlePasswordPage(tpl)))
	ui.POST("/password", httpx.Handle(handleWebPassword(db, tpl)))
	ui.GET("/", httpx.Handle(handleDashboard(db, tpl, cfg)))
	ui.GET("/projects", httpx.Handle(handleProjectsPage(db, tpl, cfg)))
	ui.GET("/projects/:id", httpx.Handle(handleProjectPage(db, tpl, cfg)))
	ui.POST("/projects/:id/progress", httpx.RequireRole(model.Changers), httpx.AllowUpload(opts.MaxUpload), httpx.Handle(handleWebProgress(db, tpl, cfg)))
	ui.POST("/projects/:id/payments", httpx.RequireRole(model.Financiers), httpx.Handle(handleWebPayment(db, tpl, cfg)))
	ui.POST("/projects/:id/allocations", httpx.RequireRole(model.Financiers), httpx.Handle(handleWebFund(db, tpl, cfg, model.FundAllocated)))
	ui.POST("/projects/:id/receipts", httpx.RequireRole(model.Financiers), httpx.Handle(handleWebFund(db, tpl, cfg, model.FundReceived)))
	ui.POST("/payments/:id/correct", httpx.RequireRole(model.Financiers), httpx.Handle(handleWebCorrectPayment(db, tpl, cfg)))
	ui.POST("/payments/:id/reverse", httpx.RequireRole(model.Financiers), httpx.Handle(handleWebReversePayment(db, tpl, cfg)))
	ui.POST("/milestones/:id/actual", httpx.RequireRole(model.Changers), httpx.Handle(handleWebMilestone(db, tpl, cfg, milestoneActual)))
	ui.POST("/milestones/:id/forecast", httpx.RequireRole(model.Changers), httpx.Handle(handleWebMilestone(db, tpl, cfg, milestoneForecast)))
	ui.GET("/supervisions", httpx.Handle(handleSupervisionsPage(db, tpl)))
	ui.POST("/supervisions", httpx.RequireRole(model.Overseers), httpx.Handle(handleWebRaise(db)))
	ui.GET("/supervisions/:id", httpx.Handle(handleSupervisionPage(db, tpl)))
	for _, st := range webSteps {
		ui.POST("/supervisions/:id/"+st.path, httpx.RequireRole(st.roles), httpx.AllowUpload(opts.MaxUpload), httpx.Handle(handleWebStep(db, st.action)))
	}
	ui.GET("/photos/:id", httpx.Handle(httpx.HandlePhoto(db, false)))
	ui.GET("/photos/:id/thumb", httpx.Handle(httpx.HandlePhoto(db, true)))
	ui.GET("/alerts", httpx.Handle(handleAlertsPage(db, tpl, cfg)))
	admins := httpx.RequireRole(model.AdminOnly)
	ui.GET("/calendar", admins, httpx.Handle(handleCalendarPage(db, tpl)))
	ui.POST("/calendar", admins, httpx.Handle(handleWebCalendarImport(db)))
	ui.GET("/imports", admins, httpx.Handle(handleBatchesPage(db, tpl)))
	ui.GET("/imports/:id", admins, httpx.Handle(handleBatchPage(db, tpl)))
	ui.POST("/imports/:id/revert", admins, httpx.Handle(handleWebRevert(db, tpl)))
	overseers := httpx.RequireRole(model.Overseers)
	ui.GET("/bulletins", overseers, httpx.Handle(handleBulletinsPage(db, tpl)))
	ui.POST("/bulletins", overseers, httpx.Handle(handleWebIssueBulletin(db)))
	ui.GET("/bulletins/draft", overseers, httpx.Handle(handleBulletinDraft(db, tpl)))
	ui.GET("/bulletins/draft.xlsx", overseers, httpx.Handle(handleBulletinDraftXLSX(db)))
	ui.GET("/bulletins/:id", overseers, httpx.Handle(httpx.HandleBulletin(db)))
	ui.GET("/bulletins/:id/print", overseers, httpx.Handle(handleBulletinPrint(db, tpl)))
	ui.GET("/import", httpx.RequireRole(model.Importers), httpx.Handle(handleImportPage(tpl, opts.MaxUpload)))
	ui.POST("/import", httpx.RequireRole(model.Importers), httpx.AllowUpload(opts.MaxUpload), httpx.Handle(handleWebUpload(db, tpl, opts)))
	ui.POST("/import/:id/apply", httpx.RequireRole(model.Importers), httpx.Handle(handleWebApply(db, tpl, opts)))
	ui.POST("/import/:id/decide", httpx.RequireRole(model.Importers), httpx.Handle(handleWebDecide(db, tpl, opts)))
	ui.GET("/import/jobs/:id", httpx.RequireRole(model.Importers), httpx.Handle(handleImportJob(db, tpl, opts)))
	ui.GET("/import/jobs/:id/status", httpx.RequireRole(model.Importers), httpx.Handle(handleImportJobStatus(db)))
	ui.GET("/reports", httpx.Handle(handleReportsPage(db, tpl)))
	for _, kind := range []string{reports.KindSpend, reports.KindDelayed, reports.KindProgress} {
		ui.GET("/reports/"+kind+".xlsx", httpx.Handle(httpx.HandleReport(db, kind)))
	}
}

// NewServer returns the handler of the UI alone on db.
func NewServer(db Store, opts httpx.Options) *gin.Engine {
	r := httpx.NewEngine(opts)
	Mount(r, db, opts)
	return r
}

// page is what every template gets: the layout's fields and the page's
// own data.
type page struct {
	Title string
	Nav   string // the active navigation item
	User  *model.User
	CSRF  string
	Flash *flash
	AsOf  model.Date
	// CanImport shows the import link to the roles that may import.
	CanImport bool
	// CanOversee shows the 月度通报 link to supervisors and admins.
	CanOversee bool
	// IsAdmin shows the 节假日安排 link.
	IsAdmin bool
	Data    any
}

// flash is a one-line message at the top of a page: "ok", "err" or "warn".
type flash struct {
	Kind, Text string
}

// newPage returns the layout fields of a page for the request's user;
// the handler sets AsOf when the page shows data as of a date.
func newPage(c *gin.Context, title, nav string, data any) page {
	p := page{Title: title, Nav: nav, CSRF: c.GetString(csrfKey), Data: data}
	if httpx.LoggedIn(c) {
		u := httpx.CurrentUser(c)
		p.User = &u
		p.CanImport = slices.Contains(model.Importers, u.Role)
		p.CanOversee = slices.Contains(model.Overseers, u.Role)
		p.IsAdmin = u.Role == model.RoleAdmin
	}
	if text := doneMessage(c.Query("done")); text != "" {
		p.Flash = &flash{Kind: "ok", Text: text}
	}
	return p
}

// doneMessage is the confirmation a redirect after a successful form post
// asks for with ?done=KEY. Only these fixed texts are ever shown, so a
// crafted link cannot put words on the page.
func doneMessage(key string) string {
	switch key {
	case "actual":
		return "已记录实际日期。"
	case "forecast":
		return "已更新预计日期。"
	case "progress":
		return "已提交进度报告。"
	case "payment":
		return "已登记拨付。"
	case "raised":
		return "已交办督办。"
	case "sup_sign":
		return "已签收。"
	case "sup_reply":
		return "已提交反馈，等待审核。"
	case "sup_extension":
		return "已提交延期申请。"
	case "sup_accept":
		return "已审核通过，办结销号。"
	case "sup_return":
		return "已退回重办。"
	case "sup_extension_grant":
		return "已同意延期。"
	case "sup_extension_refuse":
		return "已不同意延期。"
	case "sup_chase":
		return "已催办。"
	case "sup_escalate":
		return "已记录约谈（升级督办）。"
	case "sup_close":
		return "督办已办结。"
	case "calendar":
		return "已导入节假日安排。"
	case "bulletin":
		return "已印发通报。"
	case "reverted":
		return "已撤销本次导入。"
	}
	return ""
}

// render writes a page with status. The page is rendered in full before
// anything is sent, so that a template error is a clean error page, not
// half a page.
func render(c *gin.Context, tpl *Templates, status int, name string, p page) error {
	var buf bytes.Buffer
	if err := tpl.Render(&buf, name, p); err != nil {
		return model.Wrap("web.render", err)
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
	return nil
}

// errorPage is the data of the error page.
type errorPage struct {
	Heading, Message string
}

// pageErrors answers, as the error page, the error a page handler or a
// shared check (httpx.RequireRole, model.MayChange…) aborted with. A page
// that cannot be rendered is left to the engine's JSON answer.
func pageErrors(tpl *Templates) func(c *gin.Context, status int, err error) {
	return func(c *gin.Context, status int, err error) {
		heading := map[string]string{
			model.ENotFound: "页面不存在", model.EForbidden: "没有权限", model.EInvalid: "输入有误",
			model.EConflict: "数据已变化", model.ETooLarge: "文件过大",
		}[model.Kind(err)]
		if heading == "" {
			heading = "出错了"
		}
		if err := render(c, tpl, status, "error", newPage(c, heading, "", errorPage{Heading: heading, Message: model.Message(err)})); err != nil {
			c.Error(err)
		}
	}
}

// sessionAuth lets through only requests with a live session cookie; a
// visitor without one is sent to the login page, and back afterwards. A
// form post must carry the session's CSRF token.
func sessionAuth(db Store) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		token, _ := c.Cookie(sessionCookie)
		var (
			u   model.User
			err error = model.E(model.EUnauthorized, "web", "未登录")
		)
		if token != "" {
			u, err = db.UserByToken(c.Request.Context(), token)
		}
		switch {
		case model.Kind(err) == model.EUnauthorized:
			next := ""
			if c.Request.Method == http.MethodGet {
				next = c.Request.URL.RequestURI()
			}
			c.Redirect(http.StatusSeeOther, loginURL(next))
			c.Abort()
			return nil
		case err != nil:
			return err
		}
		httpx.SetUser(c, u, "ui")
		csrf := csrfToken(token)
		c.Set(csrfKey, csrf)
		if err := httpx.FormTooLarge(c); err != nil {
			return err
		}
		if c.Request.Method == http.MethodPost && !hmac.Equal([]byte(c.PostForm(csrfField)), []byte(csrf)) {
			return model.E(model.EForbidden, "web", "表单已失效（安全校验未通过），请刷新页面后重新提交")
		}
		c.Next()
		return nil
	}
}

// csrfToken is the CSRF token of a session: an HMAC of a fixed label
// keyed by the session token, so it needs no storage, differs for every
// session and cannot be computed without the HttpOnly cookie.
func csrfToken(session string) string {
	mac := hmac.New(sha256.New, []byte(session))
	mac.Write([]byte("captrack csrf"))
	return hex.EncodeToString(mac.Sum(nil))
}

// loginURL is the login page that returns to next afterwards.
func loginURL(next string) string {
	if next == "" || next == "/" {
		return "/login"
	}
	return "/login?next=" + url.QueryEscape(next)
}

// localPath returns next if it is a path on this site, "/" otherwise:
// after login the browser goes only where this site says, never to
// another host ("//evil", "/\evil", "https://evil").
func localPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}

// loginPage is the data of the login page.
type loginPage struct {
	Next, Username, Error string
}

// handleLoginPage shows the login form with a fresh double-submit token.
func handleLoginPage(tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		return renderLogin(c, tpl, http.StatusOK, loginPage{Next: localPath(c.Query("next"))})
	}
}

func renderLogin(c *gin.Context, tpl *Templates, status int, lp loginPage) error {
	b := make([]byte, 16)
	rand.Read(b)
	token := hex.EncodeToString(b)
	setCookie(c, loginCSRF, token, 0)
	p := page{Title: "登录", CSRF: token, Data: lp}
	return render(c, tpl, status, "login", p)
}

// secureKey marks a request whose cookies are Secure even over plain
// HTTP (--secure-cookies, behind a TLS proxy).
const secureKey = "captrack.secure"

// secureCookies marks every request of the UI as secureKey says.
func secureCookies(on bool) gin.HandlerFunc {
	return func(c *gin.Context) { c.Set(secureKey, on) }
}

// setCookie sets an HttpOnly, SameSite=Lax cookie on the whole site,
// Secure when the request came over TLS or the server is told its
// clients reach it by TLS; maxAge < 0 deletes it.
func setCookie(c *gin.Context, name, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: c.Request.TLS != nil || c.GetBool(secureKey), SameSite: http.SameSiteLaxMode,
	})
}

// staticFiles serves the files of static/ and nothing else: no template,
// no directory listing.
func staticFiles() http.Handler {
	sub, err := fs.Sub(FS, "static")
	if err != nil {
		panic(err) // static/ is embedded: a build defect
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if st, err := fs.Stat(sub, strings.TrimPrefix(path.Clean(r.URL.Path), "/static/")); err != nil || st.IsDir() {
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// handleWebLogin checks the login form and starts a session.
func handleWebLogin(db Store, tpl *Templates, ttl time.Duration) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		if err := httpx.FormTooLarge(c); err != nil {
			return renderLogin(c, tpl, http.StatusRequestEntityTooLarge, loginPage{Error: model.Message(err)})
		}
		want, _ := c.Cookie(loginCSRF)
		if want == "" || !hmac.Equal([]byte(c.PostForm(csrfField)), []byte(want)) {
			return renderLogin(c, tpl, http.StatusForbidden, loginPage{Next: localPath(c.PostForm("next")), Error: "登录页面已失效，请重新登录"})
		}
		lp := loginPage{Next: localPath(c.PostForm("next")), Username: strings.TrimSpace(c.PostForm("username"))}
		u, err := db.Login(c.Request.Context(), lp.Username, c.PostForm("password"), c.ClientIP())
		if err != nil {
			httpx.SetRetryAfter(c, err)
			lp.Error = model.Message(err)
			return renderLogin(c, tpl, httpx.StatusOf(model.Kind(err)), lp)
		}
		token, err := db.IssueToken(c.Request.Context(), u.ID, ttl)
		if err != nil {
			lp.Error = model.Message(err)
			return renderLogin(c, tpl, httpx.StatusOf(model.Kind(err)), lp)
		}
		setCookie(c, loginCSRF, "", -1)
		setCookie(c, sessionCookie, token, 0)
		c.Redirect(http.StatusSeeOther, lp.Next)
		return nil
	}
}

// handleWebLogout ends the session.
func handleWebLogout(db Store) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		token, _ := c.Cookie(sessionCookie)
		if err := db.RevokeToken(c.Request.Context(), token); err != nil {
			return err
		}
		setCookie(c, sessionCookie, "", -1)
		c.Redirect(http.StatusSeeOther, "/login")
		return nil
	}
}

// passwordPage is the data of the change-password page.
type passwordPage struct{ Error string }

// handlePasswordPage shows the change-password form to every user.
func handlePasswordPage(tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		return render(c, tpl, http.StatusOK, "password", newPage(c, "修改密码", "", passwordPage{}))
	}
}

// handleWebPassword changes the user's password; every session of the
// user ends, so the browser logs in again with the new one.
func handleWebPassword(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		err := db.ChangePassword(c.Request.Context(), httpx.CurrentUser(c).Name, c.PostForm("old_password"), c.PostForm("new_password"))
		if model.Kind(err) == model.EInvalid {
			return render(c, tpl, http.StatusUnprocessableEntity, "password", newPage(c, "修改密码", "", passwordPage{Error: model.Message(err)}))
		}
		if err != nil {
			return err
		}
		setCookie(c, sessionCookie, "", -1)
		c.Redirect(http.StatusSeeOther, "/login")
		return nil
	}
}
